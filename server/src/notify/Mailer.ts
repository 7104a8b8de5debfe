import nodemailer from 'nodemailer';

/** One plain-text email, with files attached if any. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
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
      const attachments = mail.attachments?.map((a) => ({ ...a, content: Buffer.from(a.content) }));
      await transport.sendMail({ from, ...mail, attachments });
    },
  };
}
