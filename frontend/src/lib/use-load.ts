import { useEffect, useState } from 'preact/hooks';

/** Loads once per `key`; `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, key: string): { data?: T; error?: unknown; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({});
    load().then(
      (data) => live && setState({ data }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once per key (load is a new closure on every render)
  }, [key, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
}
