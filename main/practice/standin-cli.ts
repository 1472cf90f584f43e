// `npm run standin -- graph|okta`: start one directory stand-in alone, with a
// realistic population, for manual probing. Each stand-in prints its own
// address lines (see its standalone.ts).
const which = process.argv[2];

async function main(): Promise<void> {
  switch (which) {
    case 'graph': {
      const { startStandalone } = await import('./graph/standalone');
      await startStandalone();
      return;
    }
    case 'okta': {
      const { startStandalone } = await import('./okta/standalone');
      await startStandalone();
      return;
    }
    default:
      console.error('usage: npm run standin -- graph|okta');
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(`stand-in failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
