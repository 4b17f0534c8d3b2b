// Read-only YAML with keys, comments and scalars tinted; plain <pre>, cheap for any size.
const LINE = /^(\s*(?:- )?)([^:#'"\s][^:#]*?)(:)(\s.*|)$/;

export function YamlView({ text }: { text: string }) {
  return (
    <pre className="w-max min-w-full px-3 pb-4 font-mono text-xs leading-5 whitespace-pre text-slate-800 dark:text-slate-200">
      {text.split('\n').map((line, i) => {
        const m = LINE.exec(line);
        if (!m) return <div key={i}>{line || '\u00a0'}</div>;
        return (
          <div key={i}>
            {m[1]}
            <span className="text-sky-700 dark:text-sky-300">{m[2]}</span>
            {m[3]}
            <span className="text-amber-800 dark:text-amber-200">{m[4]}</span>
          </div>
        );
      })}
    </pre>
  );
}
