export { ScrapeConfigSchema, type ScrapeConfig, type ScrapeConfigInput } from './config';
export { RelabelConfigSchema, type RelabelConfig } from './relabel';
export {
  createScrapeSource,
  type ScrapeHealth,
  type ScrapeSource,
  type ScrapeSourceDeps,
} from './scrape-source';
export type { TargetHealth } from './target-scraper';
