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
        'client/src/app is the top (routes and providers) and nothing imports it: move what you need into platform/ (API client, routing, session) or pass it in as a prop.',
      from: { path: `^${client}`, pathNot: [`^${client}/app/`, `^${client}/main\\.tsx$`] },
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
        'server.ts and main.ts only wire parts together: nothing in server/src imports them (tests may).',
      from: { path: `^${server}`, pathNot: `^${server}/main\\.ts$` },
      to: { path: `^${server}/(server|main)\\.ts$` },
    },
    {
      name: 'storage-at-the-bottom',
      severity: 'error',
      comment:
        'persistence/ is the bottom layer of the server: it may not import rooms, auth, http, pdf, ics or notify. Pass what it needs in as arguments.',
      from: { path: `^${server}/persistence/` },
      to: { path: `^${server}/(rooms|auth|http|pdf|ics|notify)/` },
    },
    {
      name: 'auth-below-rooms-and-http',
      severity: 'error',
      comment:
        'auth/ checks people and sessions; it may use persistence/ but not rooms, http, pdf, ics or notify.',
      from: { path: `^${server}/auth/` },
      to: { path: `^${server}/(rooms|http|pdf|ics|notify)/` },
    },
    {
      name: 'rooms-below-http',
      severity: 'error',
      comment:
        'rooms/ (documents, sync, write checks) is below the HTTP layer: it may not import http, pdf, ics or notify.',
      from: { path: `^${server}/rooms/` },
      to: { path: `^${server}/(http|pdf|ics|notify)/` },
    },
    {
      name: 'exports-are-leaves',
      severity: 'error',
      comment:
        'pdf/ and ics/ turn data into files: they may not import http, rooms or notify. Hand them the data.',
      from: { path: `^${server}/(pdf|ics)/` },
      to: { path: `^${server}/(http|rooms|notify)/` },
    },
    {
      name: 'only-routes-know-http',
      severity: 'error',
      comment: 'Only http/ deals with requests: notify/ may not import it.',
      from: { path: `^${server}/notify/` },
      to: { path: `^${server}/http/` },
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
