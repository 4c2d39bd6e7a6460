import { resolve } from 'node:path';
import { checkAuditDir } from './chain-report.js';

// Usage: node dist/scripts/audit/verify-chain.js DIR   (scripts/verify_auditor_chain.sh wraps it)
const dir = resolve(process.argv[2] ?? 'logs/auditor');
const { ok, problems } = checkAuditDir(dir);
for (const line of [...ok, ...problems]) console.log(line);
if (ok.length + problems.length === 0) console.log(`no audit records in ${dir}`);
process.exit(problems.length === 0 ? 0 : 1);
