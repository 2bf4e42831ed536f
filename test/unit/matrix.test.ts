import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareDeclared, computeVerdicts, type MatrixObservation } from '../../src/lib/verify/matrix.ts';

function observe(version: string, passed: boolean | [boolean, boolean], notApplicable?: string): MatrixObservation {
	const [h3, h4] = Array.isArray(passed) ? passed : [passed, passed];
	return {
		repository: 'grafana',
		chart: 'tempo-distributed',
		version,
		digest: `d-${version}`,
		notApplicable,
		results: [
			{ helm: 'v3.17.3', passed: h3, failure: h3 ? undefined : 'documentExists StatefulSet/t-tempo-ingester' },
			{ helm: 'v4.1.4', passed: h4, failure: h4 ? undefined : 'documentExists StatefulSet/t-tempo-ingester' },
		],
	};
}

const tempo = [observe('1.12.0', true), observe('1.13.1', false), observe('1.13.0', false), observe('1.13.2', true), observe('3.0.0', true, 'removed by design')];

describe('computeVerdicts', () => {
	it('sorts by version and labels each verdict', () => {
		const { verdicts, problems } = computeVerdicts(tempo, '1.13.2');
		assert.deepEqual(problems, []);
		assert.deepEqual(
			verdicts.map((v) => [v.version, v.verdict]),
			[
				['1.12.0', 'not-affected'],
				['1.13.0', 'affected'],
				['1.13.1', 'affected'],
				['1.13.2', 'fixed'],
				['3.0.0', 'not-applicable'],
			],
		);
		assert.equal(verdicts[1]!.failure, 'documentExists StatefulSet/t-tempo-ingester');
	});

	it('flags helm majors that disagree', () => {
		const { problems } = computeVerdicts([observe('1.13.0', [true, false])], null);
		assert.equal(problems.length, 1);
		assert.match(problems[0]!.message, /helm versions disagree on grafana\/tempo-distributed@1\.13\.0: v3\.17\.3 passes, v4\.1\.4 fails/);
	});

	it('flags a not-applicable version whose by-design assertions fail', () => {
		const { problems } = computeVerdicts([observe('3.0.0', false, 'removed by design')], null);
		assert.match(problems[0]!.message, /declared not applicable, but its assertions fail/);
	});
});

describe('compareDeclared', () => {
	const { verdicts } = computeVerdicts(tempo, '1.13.2');

	it('accepts a range and fixedIn that match the computation', () => {
		assert.deepEqual(compareDeclared(verdicts, { affected: '>=1.13.0 <1.13.2', fixedIn: '1.13.2' }), []);
	});

	it('reports versions the declared range leaves out or wrongly includes', () => {
		const narrow = compareDeclared(verdicts, { affected: '1.13.0', fixedIn: '1.13.2' });
		assert.equal(narrow[0]!.field, 'affected');
		assert.equal(narrow[0]!.expected, 'also affected: grafana/1.13.1');
		const wide = compareDeclared(verdicts, { affected: '>=1.12.0 <1.13.2', fixedIn: '1.13.2' });
		assert.equal(wide[0]!.found, 'in range but passing: grafana/1.12.0');
	});

	it('reports a fixedIn that is not the first passing version', () => {
		const problems = compareDeclared(verdicts, { affected: '>=1.13.0 <1.13.2', fixedIn: '1.14.0' });
		assert.deepEqual(
			problems.map((p) => [p.field, p.expected, p.found]),
			[['fixedIn', '1.13.2', '1.14.0']],
		);
	});

	it('reports a matrix in which nothing is affected', () => {
		const { verdicts: healthy } = computeVerdicts([observe('1.12.0', true)], null);
		assert.match(compareDeclared(healthy, { affected: '1.13.0', fixedIn: null })[0]!.message, /no affected version/);
	});
});
