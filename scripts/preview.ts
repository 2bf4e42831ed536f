import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/config/load.ts';
import { createStaticServer } from '../src/lib/site/static-server.ts';

// Serves the built site (dist/) on 127.0.0.1 under the configured base path, as a static host would.
const config = loadConfig(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
	options: { port: { type: 'string', default: '4321' }, dir: { type: 'string', default: 'dist' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	console.error(`preview: invalid port "${values.port}"`);
	process.exit(2);
}
const server = createStaticServer({ root: values.dir!, base: config.base });
server.listen(port, '127.0.0.1', () => {
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	console.log(`Serving ${values.dir} at http://127.0.0.1:${actual}${config.base}`);
});
