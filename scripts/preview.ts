import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/lib/site/base.ts';
import { createStaticServer } from '../src/lib/site/static-server.ts';

// Serves the built site (dist/) on 127.0.0.1 under CASEBOOK_BASE, as a static host would.
const { values } = parseArgs({
	options: { port: { type: 'string' }, dir: { type: 'string', default: 'dist' } },
});
const port = Number(values.port ?? process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	console.error(`preview: invalid port "${values.port ?? process.env.PORT}"`);
	process.exit(2);
}
const base = normaliseBase(process.env.CASEBOOK_BASE ?? '/');
const server = createStaticServer({ root: values.dir!, base });
server.listen(port, '127.0.0.1', () => {
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	console.log(`Serving ${values.dir} at http://127.0.0.1:${actual}${base}`);
});
