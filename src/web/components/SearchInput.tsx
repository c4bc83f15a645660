import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState, type CSSProperties } from 'react';

interface Props {
  label?: string;
  placeholder: string;
  /** The search in force (usually from the URL). */
  value: string;
  onSearch: (q: string) => void;
  delay?: number;
  style?: CSSProperties;
}

/**
 * A search box that updates at once but searches after a pause in typing, so each key is not a
 * request; it follows the search in force when that changes elsewhere (Clear filters, Back).
 */
export function SearchInput({ label = 'Search', placeholder, value, onSearch, delay = 300, style }: Props) {
  const [text, setText] = useState(value);
  const [following, setFollowing] = useState(value);
  if (value !== following) {
    setFollowing(value);
    if (value !== text.trim()) setText(value);
  }
  const search = useDebouncedCallback((q: string) => onSearch(q.trim()), delay);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type="search"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        search(e.currentTarget.value);
      }}
      style={style ?? { flex: '1 1 16rem' }}
    />
  );
}
