import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src-shared/index.js';
import { MessageImages, shownText } from '../attachments/index.js';
import { FoldedText } from './FoldedText.js';

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language: building one per message showed up in the open-conversation profile. */
const timeFormat = (language: string) => {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' })));
  return format;
};

/** Text is rendered as a React text node: customer input can never become HTML. */
export function MessageBubble({ message }: { message: Message }) {
  const { t, i18n } = useTranslation();
  const time = timeFormat(i18n.language).format(message.createdAt);
  const text = shownText(message.text, message.attachments?.map((a) => a.name));
  return (
    <li
      className={`message from-${message.author.kind}${message.private ? ' private' : ''}`}
      data-testid="message"
      data-message-id={message.id}
      data-author-kind={message.author.kind}
      data-status={message.status}
    >
      <div className="message-head">
        <span className="author">{message.author.name}</span>
        {message.private && <span className="badge">{t('conversation.privateNote')}</span>}
        <time dateTime={new Date(message.createdAt).toISOString()}>{time}</time>
      </div>
      {text !== null && <FoldedText text={text} />}
      {message.attachments && <MessageImages accountId={message.accountId} attachments={message.attachments} />}
    </li>
  );
}
