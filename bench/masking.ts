/**
 * Masking speed: the fast_masker's MB/s on realistic texts (short chat prompts, 100 KB documents), and the
 * gateway's requests/s with masking forced on vs off, same load, same run.
 */
import { cpus } from 'node:os';
import { MaskingSession } from '../core/pipeline/masking/masking-session.js';
import { FastMasker } from '../plugins/maskers/fast-masker/fast-masker.js';
import { gatewayRatesByMode, printRates } from './support/gateway-modes.js';
import { variedDocument } from './support/varied-document.js';

const PROSE = [
  'Dzień dobry, piszę w sprawie zamówienia złożonego w zeszłym tygodniu. Paczka jeszcze nie dotarła, a status w systemie się nie zmienia.',
  'Could you summarise the attached quarterly report and list the three biggest risks the team mentions, with one sentence each?',
  'W załączniku przesyłam umowę do weryfikacji. Proszę zwrócić uwagę na paragraf 7 dotyczący kar umownych oraz termin wypowiedzenia.',
  'The deployment failed at step 4 because the container image could not be pulled; retrying with a longer timeout fixed it.',
];
const PII = [
  'Mój PESEL to 44051401359, a numer telefonu 600 123 456.',
  'Proszę o kontakt na jan.kowalski@example.com lub przelew na PL61 1090 1014 0000 0712 1981 2874.',
  'NIP firmy: 526-000-12-46, faktura FV/2024/00123 z dnia 14 maja 2024.',
  'Card 4111 1111 1111 1111 was charged $120.50 on 2024-05-14 at 09:30.',
];

// Ordinary numbers (amounts without a currency, counts, versions, percentages): the rules must read and
// reject them, which is most of the work on reports, logs and invoices.
const NUMBERS = [
  'Zużycie wyniosło 1 250 kWh w 3 kwartale, o 12,5% mniej niż rok wcześniej; 7 z 48 liczników wymieniono.',
  'The cluster has 48 nodes, 384 cores and 1.5 TB of memory; 7 of them still run release 2.4.1 from step 12.',
  'Tabela 4 pokazuje 17 z 230 przypadków (7,4%) w grupie 2 oraz 2 472 183 621 rekordów w archiwum.',
  'Batch 9 took 318 s for 20 000 rows, 2.5 times the 127 s of batch 8, with 3 retries and 0 errors.',
];

/** About `bytes` of sentences, sentence i chosen by `pick(i)`. */
function document(bytes: number, pick: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = pick(i);
    parts.push(s);
    size += Buffer.byteLength(s) + 1;
  }
  return parts.join(' ');
}

const piiEvery = (n: number) => (i: number) => (i % n === n - 1 ? PII[i % PII.length]! : PROSE[i % PROSE.length]!);
// Every sentence an identifier or a number one, alternating: 2,000 identifiers in 100 KB.
const dense = (i: number) => (i % 2 === 0 ? PII[(i / 2) % PII.length]! : NUMBERS[((i - 1) / 2) % NUMBERS.length]!);

function throughput(name: string, texts: string[], seconds = 3): { name: string; mbps: number; perText: number } {
  const masker = new FastMasker();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let rounds = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < end) {
    for (const t of texts) masker.apply([t], new MaskingSession());
    rounds++;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { name, mbps: (bytes * rounds) / elapsed / 1e6, perText: (elapsed / (rounds * texts.length)) * 1e6 };
}

async function main(): Promise<void> {
  const rows = [
    throughput(
      'short prompts (~130 B, 1 in 4 with PII)',
      Array.from({ length: 64 }, (_, i) => (i % 4 === 0 ? PII[i % 4]! : PROSE[i % 4]!)),
    ),
    throughput('100 KB documents (PII every 10th sentence)', [document(100_000, piiEvery(10))]),
    throughput('100 KB documents (PII every 2nd sentence)', [document(100_000, piiEvery(2))]),
    throughput('100 KB dense: identifiers and numbers in every sentence', [document(100_000, dense)]),
    throughput(
      '100 KB dense, every value different (3 documents)',
      [1, 2, 3].map((seed) => variedDocument(100_000, seed)),
    ),
    throughput('100 KB documents without PII', [document(100_000, piiEvery(1_000_000))]),
  ];

  const gateway = await gatewayRatesByMode(
    [
      ['masking off', {}],
      [
        'masking on (fast_masker)',
        { LLM_ROUTER_FORCE_MASKING: '1', LLM_ROUTER_MASKING_STRATEGY_PIPELINE: 'fast_masker' },
      ],
    ],
    (model) =>
      JSON.stringify({
        model,
        messages: [
          { role: 'system', content: PROSE[1] },
          { role: 'user', content: `${PROSE[0]} ${PII[0]} ${PII[1]}` },
        ],
      }),
  );

  console.log(
    `\nMasking — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`,
  );
  console.log('| fast_masker input | MB/s | µs per text |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.mbps.toFixed(1)} | ${r.perText.toFixed(1)} |`);
  printRates(gateway);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
