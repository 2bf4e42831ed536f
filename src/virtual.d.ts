declare module 'virtual:casebook/config' {
	const config: import('./integrations/casebook-site/index.ts').SiteConfig;
	export default config;
}

declare module 'virtual:casebook/search-dialog.css' {
	/** Starlight's search dialog rules (src/integrations/casebook-search/dialog-styles.ts). */
	const css: string;
	export default css;
}
