import { chromium } from '@playwright/test';
import { startTandem } from './processes';
import { tandemAccount } from './targets';
const EDITABLE = '[aria-label="Purpose of the partnership, English version"][contenteditable="true"]';
const server = await startTandem();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const account = await tandemAccount(server.url);
const id = await account.partnership();
const mk = async () => {
  const c = await browser.newContext({ baseURL: server.url });
  const [n, v] = account.cookie.split('=');
  await c.addCookies([{ name: n!, value: v!, url: server.url }]);
  await c.addInitScript({ content: " window.renders = {}; window.commits = 0; window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {   supportsFiber: true, renderers: new Map(), inject: function () { return 1; }, onScheduleFiberRoot: function () {}, onCommitFiberUnmount: function () {}, onPostCommitFiberRoot: function () {}, checkDCE: function () {},   onCommitFiberRoot: function (_id, root) {     if (!window.counting) return; window.commits++;     function walk(f) { while (f) { if (typeof f.type === 'function' && (!f.alternate || f.memoizedProps !== f.alternate.memoizedProps || f.memoizedState !== f.alternate.memoizedState)) { var n = f.type.displayName || f.type.name || '?'; if (f.alternate && f.memoizedProps === f.alternate.memoizedProps) { n = 'STATE:' + n; var h = f.memoizedState, o = f.alternate.memoizedState, i = 0, ch = []; while (h && o) { if (h.memoizedState !== o.memoizedState && !(h.memoizedState && h.memoizedState.deps)) ch.push(i + ':' + (typeof h.memoizedState === 'object' && h.memoizedState ? Object.keys(h.memoizedState).slice(0,4).join('/') : String(h.memoizedState)).slice(0,40)); h = h.next; o = o.next; i++; } n += ' ' + ch.join(','); } window.renders[n] = (window.renders[n] || 0) + 1; } walk(f.child); f = f.sibling; } }     walk(root.current.child);   } }; " });
  return c.newPage();
};
const a = await mk(); const b = await mk();
await a.goto(`/p/${id}/agreement`); await b.goto(`/p/${id}/agreement`);
await a.locator(EDITABLE).click(); await b.locator(EDITABLE).waitFor();
await new Promise((r) => setTimeout(r, 2000));
await b.evaluate(() => ((window as any).counting = true));
for (let i = 0; i < 20; i++) { await a.keyboard.type(`k${i};`); await new Promise((r) => setTimeout(r, 60)); }
await new Promise((r) => setTimeout(r, 500));
const r = await b.evaluate(() => ({ commits: (window as any).commits, renders: (window as any).renders, err: (window as any).err, v: (window as any).keys, fns: (window as any).fns }));
console.log('commits', r.commits, r.err, r.v, r.fns);
console.log(Object.entries(r.renders).sort((x: any, y: any) => y[1] - x[1]).filter((e: any) => e[0].startsWith('STATE')));
await browser.close(); await server.stop(); process.exit(0);
