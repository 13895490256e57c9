/**
 * Sizes of what the catalogue puts in the main bundle for the bundled works plus `count`
 * generated ones: the catalogue module (metadata, sections, loaders) and the covers module.
 * Bundled with rolldown and run by bench/shelf.mjs; prints JSON. Runnable alone:
 *   npx rolldown bench/shelf-sizes.ts --platform node --format esm -o /tmp/s.mjs && node /tmp/s.mjs 198
 */
import { coversModule } from '../build/covers';
import { catalogueModule, loadWorks } from '../build/works-plugin';

const count = Number(process.argv[2] ?? 0);
const works = loadWorks('works', false, count);
const catalogue = catalogueModule(works);
const covers = coversModule(works);
console.log(JSON.stringify({ works: works.length, catalogueBytes: Buffer.byteLength(catalogue), coversBytes: Buffer.byteLength(covers) }));
