declare module 'virtual:casebook/config' {
	const config: import('./integrations/casebook-site/index.ts').SiteConfig;
	export default config;
}
