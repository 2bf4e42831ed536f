import { lookupWords, type LookupWords } from '../../lib/i18n/ui.ts';
import { describeLookup, lookupUpgrade, lookupVersion, type LookupData } from '../../lib/site/version-lookup.ts';

/**
 * The "Am I affected?" box's behaviour, loaded on first use (see AmIAffected.astro): the page
 * ships a few hundred bytes until a reader types a version, then this module and the case's
 * version data arrive together.
 */

function element(tag: string, text: string, attributes: Record<string, string> = {}): HTMLElement {
	const node = document.createElement(tag);
	node.textContent = text;
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	return node;
}

/** Shows an answer in `output` (or clears it), one list item per line with its own attributes. */
function show(output: HTMLElement, verdict: string, headline: string, lines: Array<{ text: string; attributes?: Record<string, string> }>) {
	if (verdict === 'empty') {
		output.removeAttribute('data-verdict');
		output.replaceChildren();
		return;
	}
	output.setAttribute('data-verdict', verdict);
	const lead = element('p', '', { class: 'cb-affected-headline' });
	lead.append(element('span', headline, { class: `cb-verdict cb-verdict--${verdict}` }));
	const list = document.createElement('ul');
	for (const line of lines) list.append(element('li', line.text, line.attributes));
	output.replaceChildren(lead, list);
}

function answerVersion(form: HTMLFormElement, data: LookupData, words: LookupWords) {
	const input = form.querySelector<HTMLInputElement>('input')!;
	const lookup = lookupVersion(data, input.value);
	const message = describeLookup(lookup, data, words);
	const lines = message.lines.map((text, i) => {
		const answer = lookup.answers[i];
		const attributes: Record<string, string> = answer ? { 'data-repository': answer.repository, 'data-verdict': answer.verdict } : {};
		return { text, attributes };
	});
	show(form.querySelector<HTMLElement>('.cb-affected-result')!, lookup.verdict, message.headline, lines);
}

function answerUpgrade(form: HTMLFormElement, data: LookupData, words: LookupWords) {
	const [from, to] = [...form.querySelectorAll<HTMLInputElement>('input')];
	const message = lookupUpgrade(data, from!.value, to!.value, words);
	show(form.querySelector<HTMLElement>('.cb-affected-result')!, message.verdict, message.headline, message.lines.map((text) => ({ text })));
}

export type Answerer = (form: HTMLFormElement) => void;

/**
 * Fetches the case's version data (the box's `data-lookup` URL) and returns what answers a form,
 * in the box's language: the nearest `lang` attribute, which Starlight sets on the page's root to
 * its language tag (no attribute of its own, so the first visit carries nothing more).
 */
export async function loadAnswerer(root: HTMLElement): Promise<Answerer> {
	const words = lookupWords(root.closest('[lang]')?.getAttribute('lang') ?? undefined);
	let data: LookupData;
	try {
		const response = await fetch(root.dataset.lookup!);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		data = (await response.json()) as LookupData;
	} catch {
		return (form) =>
			show(form.querySelector<HTMLElement>('.cb-affected-result')!, 'unknown', words['casebook.lookup.loadFailed'], [
				{ text: words['casebook.lookup.loadFailedLine'] },
			]);
	}
	return (form) => (form.hasAttribute('data-am-i-affected-upgrade') ? answerUpgrade(form, data, words) : answerVersion(form, data, words));
}
