// The Start screen's recent sites: dataDir/recent-sites.json, most recent first, at most 10.
// A damaged file is logged and ignored; a site whose file is gone is dropped from the list.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { TOPOLOGY_IDS, type Site } from '../../shared/model.ts';
import { readJsonFile, writeJsonFile, WriteQueue } from './json-file.ts';

export const MAX_RECENT_SITES = 10;

const RecentSchema = z.object({ path: z.string(), name: z.string(), topology: z.enum(TOPOLOGY_IDS), openedAt: z.string() });
const RecentFileSchema = z.object({ format: z.literal('roomready-recent-sites'), version: z.literal(1), sites: z.array(RecentSchema) });
export type RecentSite = z.infer<typeof RecentSchema>;

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export class RecentSites {
  private readonly writes: WriteQueue;
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly log: (message: string) => void,
  ) {
    this.file = path.join(dataDir, 'recent-sites.json');
    this.writes = new WriteQueue(log);
  }

  /** The list, without sites whose files are gone. */
  async list(): Promise<RecentSite[]> {
    await this.writes.idle();
    const stored = (await readJsonFile(this.file, RecentFileSchema, this.log))?.sites ?? [];
    const present = (await Promise.all(stored.map(async (site) => ((await exists(site.path)) ? site : undefined)))).filter((site) => site !== undefined);
    if (present.length !== stored.length) await this.write(present);
    return present;
  }

  /** Puts the site first. */
  async touch(file: string, site: Site, openedAt: Date): Promise<void> {
    const resolved = path.resolve(file);
    const stored = (await this.list()).filter((entry) => path.resolve(entry.path) !== resolved);
    await this.write([{ path: resolved, name: site.name, topology: site.topology, openedAt: openedAt.toISOString() }, ...stored].slice(0, MAX_RECENT_SITES));
  }

  private write(sites: RecentSite[]): Promise<void> {
    return this.writes.push(() => writeJsonFile(this.file, { format: 'roomready-recent-sites', version: 1, sites }));
  }
}
