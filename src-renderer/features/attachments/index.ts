export { AttachImageButton } from './AttachImageButton.js';
export { ComposerImages } from './ComposerImages.js';
export { MessageImages } from './MessageImages.js';
export { imageFilesOf } from './readImageFile.js';
export { useComposerImages } from './useComposerImages.js';
export { shownText } from './shownText.js';
export { OutboxImages } from './OutboxImages.js';
