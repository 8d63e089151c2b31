/**
 * The project's layering, checked by dependency-cruiser inside `npm test` (tests/architecture).
 * Arrows point inward: transports (bot/, tab/) and the composition root (server/) use core/; core/
 * uses no transport; the domain reaches storage only through ports and types.
 */
const DOMAIN = '^core/(learning|people|workspace|reminders|reports|audit|passport|time)/';
const TRANSPORTS = '(botbuilder|botframework-[a-z-]+|@microsoft/teams-ai|@microsoft/teams-js|restify|react|react-dom|@fluentui/.+)';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-transport',
      comment: 'core/ is what the product knows and decides: it imports no Bot Framework, Teams, restify or React.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: `node_modules/${TRANSPORTS}/` },
    },
    {
      name: 'core-imports-no-outer-layer',
      comment: 'core/ never imports bot/, tab/, server/ or scripts/.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(bot|tab|server|scripts)/' },
    },
    {
      name: 'domain-reaches-storage-through-ports',
      comment: 'Use cases receive repositories as ports: a domain module may import storage types, never storage code.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^core/(storage|keys)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-uses-no-azure-sdk',
      comment: 'Only core/storage and core/keys talk to Azure.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: 'node_modules/@azure/' , dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'bot-and-tab-never-meet',
      comment: 'The bot and the tab are two transports over core/: neither imports the other (the tab asks the bot to post through a port the composition root gives it).',
      severity: 'error',
      from: { path: '^bot/' },
      to: { path: '^tab/' },
    },
    {
      name: 'tab-and-bot-never-meet',
      comment: 'See bot-and-tab-never-meet.',
      severity: 'error',
      from: { path: '^tab/' },
      to: { path: '^bot/' },
    },
    {
      name: 'only-the-composition-root-imports-server',
      comment: 'server/ wires everything; nothing it wires may reach back into it.',
      severity: 'error',
      from: { path: '^(core|bot|tab)/' },
      to: { path: '^server/' },
    },
    {
      name: 'bot-framework-only-in-bot',
      comment: 'botbuilder and teams-ai are in maintenance: confined to bot/, so moving to the Teams SDK touches one folder.',
      severity: 'error',
      from: { path: '^(core|tab|server)/' },
      to: { path: 'node_modules/(botbuilder|botframework-[a-z-]+|@microsoft/teams-ai)/' },
    },
    {
      name: 'browser-code-stays-in-the-browser',
      comment: 'The tab\'s browser app uses its shared contracts and pure core modules, never the server side.',
      severity: 'error',
      from: { path: '^tab/web/' },
      to: { path: '^(tab/api|server|bot|core/storage|core/keys)/' },
    },
    {
      name: 'no-runtime-cycles',
      comment: 'A runtime import cycle makes load order matter; type-only cycles are harmless.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^node_modules/|\\.d\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
