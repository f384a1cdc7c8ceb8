import { inlineMarkdown } from './model/inline-markdown';

/** A note with its inline Markdown shown as emphasis rather than asterisks. */
export function NoteText({ note, className }: { note: string; className?: string }) {
  return (
    <span className={className}>
      {inlineMarkdown(note).map((token, i) => {
        switch (token.style) {
          case 'strong':
            return <strong key={i}>{token.text}</strong>;
          case 'em':
            return <em key={i}>{token.text}</em>;
          case 'code':
            return <code key={i}>{token.text}</code>;
          case 'break':
            return <br key={i} />;
          default:
            return token.text;
        }
      })}
    </span>
  );
}
