export { SuggestionBar } from './SuggestionBar.js';
export { RewriteSettingsForm } from './RewriteSettingsForm.js';
