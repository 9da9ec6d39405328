import { useEffect, useState } from 'react';
import type { OutboxImage } from '../../db/schema.js';

/** The images of a reply still in the outbox, shown from the bytes kept there (they may never have reached the hub). */
export function OutboxImages({ images }: { images: readonly OutboxImage[] }) {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    const made = images.map((image) => URL.createObjectURL(new Blob([image.bytes], { type: image.mime })));
    setUrls(made);
    return () => made.forEach((url) => URL.revokeObjectURL(url));
  }, [images]);
  return (
    <ul className="message-images">
      {urls.map((url, i) => (
        <li key={url} className="message-image">
          <img src={url} alt={images[i]?.name ?? ''} data-testid="outbox-image" />
        </li>
      ))}
    </ul>
  );
}
