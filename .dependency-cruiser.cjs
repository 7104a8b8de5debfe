// @ts-check
/**
 * The layering of Tandem, checked by `npm run lint` (dependency-cruiser). Arrows point down
 * only; each rule's comment is the message a forbidden import gets, and names the fix. The
 * layers are described in client/README.md, server/README.md and shared/README.md.
 */
const client = 'client/src';
const server = 'server/src';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycle: move what both files need into a module below them.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment:
        'shared/ is plain TypeScript used by client and server: it imports neither, nor Node built-ins.',
      from: { path: '^shared/src' },
      to: { path: ['^client/', '^server/', '^node:'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'client-and-server-apart',
      severity: 'error',
      comment: 'client/ and server/ never import each other: what both need goes into shared/.',
      from: { path: '^(client|server)/' },
      to: { path: '^(client|server)/', pathNot: '^$1/' },
    },
    {
      name: 'app-is-the-top',
      severity: 'error',
      comment:
        'client/src/app is the top (routes and providers) and nothing but the entry scripts imports it: move what you need into platform/ (API client, routing, session) or pass it in as a prop.',
      from: {
        path: `^${client}`,
        pathNot: [`^${client}/app/`, `^${client}/(boot\\.ts|main\\.tsx)$`],
      },
      to: { path: `^${client}/app/` },
    },
    {
      name: 'features-stay-apart',
      severity: 'error',
      comment:
        'Features never import each other: move what two features share into widgets/, platform/, collab/, editor/ or ui/.',
      from: { path: `^${client}/features/([^/]+)/` },
      to: { path: `^${client}/features/`, pathNot: `^${client}/features/$1/` },
    },
    {
      name: 'widgets-below-features',
      severity: 'error',
      comment:
        'widgets/ (threads, prompts) are embedded by features and never import a feature or app/: pass what they need in as props.',
      from: { path: `^${client}/widgets/` },
      to: { path: [`^${client}/features/`, `^${client}/app/`] },
    },
    {
      name: 'platform-collab-editor-below-widgets',
      severity: 'error',
      comment:
        'platform/, collab/ and editor/ sit below widgets and features: they must not import them.',
      from: { path: `^${client}/(platform|collab|editor)/` },
      to: { path: `^${client}/(widgets|features|app)/` },
    },
    {
      name: 'ui-is-presentational',
      severity: 'error',
      comment:
        'ui/ is presentational: no API, no Yjs, no room. Pass the value in as a prop instead of importing platform/, collab/, editor/, widgets/ or features/.',
      from: { path: `^${client}/ui/` },
      to: {
        path: [
          `^${client}/(platform|collab|editor|widgets|features|app)/`,
          '(^|/)node_modules/(yjs|y-websocket|y-indexeddb|@tiptap)/',
        ],
      },
    },
    {
      name: 'i18n-is-a-leaf',
      severity: 'error',
      comment:
        'client/src/i18n sets up translations only: it imports nothing of the app but shared/.',
      from: { path: `^${client}/i18n/` },
      to: { path: `^${client}/(?!i18n/)` },
    },
    {
      name: 'server-wiring-on-top',
      severity: 'error',
      comment:
        'server.ts, main.ts and the operator command renderMissingPdfs.ts only wire parts together: nothing else in server/src imports them (tests may).',
      from: { path: `^${server}`, pathNot: `^${server}/(main|renderMissingPdfs)\\.ts$` },
      to: { path: `^${server}/(server|main)\\.ts$` },
    },
    {
      name: 'storage-at-the-bottom',
      severity: 'error',
      comment:
        'storage/ is the bottom layer of the server: it imports no other server layer. Pass what it needs in as arguments.',
      from: { path: `^${server}/storage/` },
      to: { path: `^${server}/(rooms|sync|workflows|auth|http|pdf|ics|notify)/` },
    },
    {
      name: 'rooms-know-only-storage',
      severity: 'error',
      comment:
        'rooms/ (a loaded document, its registry, fan-out) may use storage/ only: rules and protocol plug in from workflows/ and sync/ through RoomOptions.',
      from: { path: `^${server}/rooms/` },
      to: { path: `^${server}/(sync|workflows|auth|http|pdf|ics|notify)/` },
    },
    {
      name: 'auth-below-sync-and-http',
      severity: 'error',
      comment: 'auth/ checks people and sessions; it may use storage/ and nothing above it.',
      from: { path: `^${server}/auth/` },
      to: { path: `^${server}/(rooms|sync|workflows|http|pdf|ics|notify)/` },
    },
    {
      name: 'sync-below-http',
      severity: 'error',
      comment:
        'sync/ (upgrade, authorization, messages, heartbeat, live connections) may use rooms/, auth/ and storage/, never http/, workflows/ or the exports.',
      from: { path: `^${server}/sync/` },
      to: { path: `^${server}/(http|workflows|pdf|ics|notify)/` },
    },
    {
      name: 'workflows-below-http',
      severity: 'error',
      comment:
        'workflows/ hold the domain (rules, seeding, versions): they may use rooms/, storage/ and the exports, never http/ or sync/. Routes call workflows, not the other way.',
      from: { path: `^${server}/workflows/` },
      to: { path: `^${server}/(http|sync|notify)/` },
    },
    {
      name: 'exports-are-leaves',
      severity: 'error',
      comment:
        'pdf/ and ics/ turn data into files: they may use storage/ types and offload/ only. Hand them the data.',
      from: { path: `^${server}/(pdf|ics)/` },
      to: { path: `^${server}/(http|rooms|sync|workflows|notify|auth)/` },
    },
    {
      name: 'offload-is-a-leaf',
      severity: 'error',
      comment:
        'offload/ runs functions in worker threads and knows nothing of the server: pass it a module URL and data.',
      from: { path: `^${server}/offload/` },
      to: { path: `^${server}/(?!offload/)` },
    },
    {
      name: 'cluster-is-a-plug-in',
      severity: 'error',
      comment:
        'cluster/ links nodes through Redis: it implements the relay of rooms/ and the control bus of sync/, and knows nothing above them.',
      from: { path: `^${server}/cluster/` },
      to: { path: `^${server}/(http|workflows|pdf|ics|notify|auth)/` },
    },
    {
      name: 'only-routes-know-http',
      severity: 'error',
      comment:
        'Only http/ deals with requests: notify/ may use rooms/ and storage/, not http/ or sync/.',
      from: { path: `^${server}/notify/` },
      to: { path: `^${server}/(http|sync|workflows)/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
