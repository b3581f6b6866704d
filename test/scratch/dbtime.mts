import pg from 'pg'
import { startPgCluster } from '/work/main/test/server/pgCluster'
import { initServer, serverDataSource } from '/work/main/src/main/server/initServer'
const c = await startPgCluster({ passwordLogins: 'all' })
const q = async (db: string, sql: string) => { const cl = new pg.Client({ host: c.host, port: c.port, user: c.user, database: db }); await cl.connect(); try { return await cl.query(sql) } finally { await cl.end() } }
await q('postgres', 'CREATE DATABASE tpl')
const o = serverDataSource({ host: c.host, port: c.port, username: c.user, database: 'tpl' }); await o.initialize(); await initServer(o); await o.destroy()
for (const strat of ['FILE_COPY', 'WAL_LOG', 'FILE_COPY', 'WAL_LOG']) {
  let t = performance.now()
  for (let i = 0; i < 5; i++) await q('postgres', `CREATE DATABASE d_${strat}_${i}_${Date.now()%100000} TEMPLATE tpl STRATEGY ${strat}`)
  console.log(strat, ((performance.now() - t) / 5).toFixed(0), 'ms')
}
const dbs = (await q('postgres', "SELECT datname FROM pg_database WHERE datname LIKE 'd_%'")).rows
let t = performance.now()
for (const r of dbs) await q('postgres', `DROP DATABASE "${r.datname}" WITH (FORCE)`)
console.log('drop', ((performance.now() - t) / dbs.length).toFixed(0))
const sz = (await q('postgres', "SELECT pg_size_pretty(pg_database_size('tpl')) s")).rows[0]
console.log(sz)
c.stop()
