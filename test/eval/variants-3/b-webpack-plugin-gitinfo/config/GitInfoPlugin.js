/**
 * Adds __GIT_SHA__ / __BUILD_TIME__ constants and emits version.json for the footer and health checks.
 */
const { execSync } = require('child_process');

function gitSha() {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return process.env.CI_COMMIT_SHA ? process.env.CI_COMMIT_SHA.slice(0, 7) : 'dev';
  }
}

class GitInfoPlugin {
  apply(compiler) {
    const { DefinePlugin, sources, Compilation } = compiler.webpack;
    const info = { sha: gitSha(), builtAt: new Date().toISOString() };

    new DefinePlugin({
      __GIT_SHA__: JSON.stringify(info.sha),
      __BUILD_TIME__: JSON.stringify(info.builtAt),
    }).apply(compiler);

    compiler.hooks.thisCompilation.tap('GitInfoPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'GitInfoPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => compilation.emitAsset('version.json', new sources.RawSource(JSON.stringify(info))),
      );
    });
  }
}

module.exports = GitInfoPlugin;
