// electron-builder `afterPack` hook: flips the Electron fuses of the packaged binary,
// before signing, so the OS's code-signature check keeps them flipped. The values mirror
// ELECTRON_FUSES in src/main/shell/securityPolicy.ts; test/main/shell/packaging.test.ts checks
// that the two agree. `@electron/fuses` is required lazily: only packaging needs it.
const { join } = require('node:path')

/** The fuse table, given the enums of `@electron/fuses` (injected so tests need not install it). */
function fuseConfig(FuseV1Options, FuseVersion) {
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE ignored: the app binary is no Node
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS ignored
    [FuseV1Options.EnableNodeCliInspectArguments]: false, // no --inspect debugger
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false // file:// gets no extra privileges
  }
}

/** The packaged Electron executable for the platform electron-builder just packed. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`)
    case 'win32':
      return join(context.appOutDir, `${name}.exe`)
    default:
      return join(context.appOutDir, context.packager.executableName)
  }
}

async function afterPack(context) {
  let fuses
  try {
    fuses = require('@electron/fuses')
  } catch {
    throw new Error('packaging needs the devDependency @electron/fuses (npm i -D @electron/fuses@2.1.3)')
  }
  const { flipFuses, FuseV1Options, FuseVersion } = fuses
  const ARM64 = 3 // builder-util Arch.arm64: an ad-hoc signature must be redone after flipping
  await flipFuses(electronBinary(context), {
    ...fuseConfig(FuseV1Options, FuseVersion),
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === ARM64
  })
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.fuseConfig = fuseConfig
module.exports.electronBinary = electronBinary
