/**
 * Which folder may import what (DESIGN.md "Folders"). Each layer lists the layers
 * and the npm packages it may reach; Node built-ins are a flag, since a layer that
 * can use them cannot run in the renderer. Test files may also use the test tools.
 */
export interface LayerRule {
  /** Folder prefix, relative to the repo root, with a trailing slash. */
  folder: string;
  layers: string[];
  packages: string[];
  node: boolean;
}

// Every layer validates at its boundaries with the contract's library.
const EVERYWHERE = ['zod'];
// socket.io: main's connection tests stand up a small hub double at the test boundary.
const TEST_PACKAGES = ['vitest', 'fake-indexeddb', 'socket.io'];
const RENDERER_PACKAGES = ['react', 'react-dom', 'zustand', 'dexie', 'dexie-react-hooks', 'i18next', 'react-i18next', '@tanstack/react-virtual', 'echarts'];

// Order matters: the first folder that prefixes a file's path is its layer.
export const LAYERS: LayerRule[] = [
  { folder: 'src-shared/', layers: [], packages: ['opencc-js'], node: false },
  { folder: 'src-main/core/', layers: ['src-shared/'], packages: ['socket.io-client'], node: true },
  { folder: 'src-main/host/', layers: ['src-shared/', 'src-main/core/'], packages: ['ws'], node: true },
  { folder: 'src-main/electron/', layers: ['src-shared/', 'src-main/core/'], packages: ['electron'], node: true },
  // The demo composes the embedded hub with the web host: the one place both meet.
  { folder: 'src-main/demo/', layers: ['src-shared/', 'src-main/core/', 'src-main/host/', 'src-hub/', 'assets/'], packages: [], node: true },
  // Shipped data (the demo knowledge base) with its small typed loader.
  { folder: 'assets/', layers: ['src-shared/'], packages: [], node: false },
  { folder: 'src-renderer/', layers: ['src-shared/'], packages: RENDERER_PACKAGES, node: false },
  { folder: 'src-hub/', layers: ['src-shared/'], packages: ['socket.io', 'socket.io-client', '@electric-sql/pglite', 'pg', 'redis', '@socket.io/redis-streams-adapter', 'smtp-server', 'mailparser', 'nodemailer', 'sanitize-html', 'image-size'], node: true },
];

export const testPackages = TEST_PACKAGES;
export const everywherePackages = EVERYWHERE;
