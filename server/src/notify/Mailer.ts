import nodemailer from 'nodemailer';

/** One plain-text email. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends email; the app runs without one (email is off and the inbox says so). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** An SMTP mailer for `smtpUrl`, or null when none is configured. */
export function createMailer(smtpUrl: string | null, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}
