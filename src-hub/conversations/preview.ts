/** The inbox shows one line per conversation; Conversation.lastMessagePreview allows 280 characters. */
export const previewOf = (text: string): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= 280 ? oneLine : `${oneLine.slice(0, 279)}…`;
};
