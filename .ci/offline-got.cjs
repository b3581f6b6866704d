// Preloaded into electronegativity (see .ci/electronegativity): the tool fetches translations and
// Electron's release list over the network with `got`. CI is offline by design, and on Node 24 a
// `got` retry after a network timeout crashes the tool (p-cancelable: "onCancel handler was
// attached after the promise settled") before it writes its report. This stub makes every fetch
// fail at once, which the tool already handles ("No connectivity?"): the review itself is static.
const Module = require('node:module')
const load = Module._load
const offline = () => Promise.reject(Object.assign(new Error('offline (CI)'), { code: 'ENETUNREACH' }))
const got = Object.assign(offline, { head: offline, get: offline, extend: () => got })
Module._load = function (request, parent, isMain) {
  return request === 'got' ? got : load.call(this, request, parent, isMain)
}
