/** A few line icons drawn inline (no icon font: the CSP allows no remote fonts, and these are tiny). */
const common = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.7,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

export const SearchIcon = () => (
  <svg {...common}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m16 16 4.5 4.5" />
  </svg>
);

export const OutlineIcon = () => (
  <svg {...common}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M9 4v16M12.5 9h5M12.5 13h5" />
  </svg>
);

export const PanelIcon = () => (
  <svg {...common}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M15 4v16M6.5 9h5M6.5 13h5" />
  </svg>
);

export const SettingsIcon = () => (
  <svg {...common}>
    <path d="M4 7h10M18 7h2M4 17h4M12 17h8" />
    <circle cx="16" cy="7" r="2" />
    <circle cx="10" cy="17" r="2" />
  </svg>
);

export const KeyboardIcon = () => (
  <svg {...common}>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M8 14h8" />
  </svg>
);

export const LibraryIcon = () => (
  <svg {...common}>
    <path d="M5 4h3v16H5zM10 4h3v16h-3z" />
    <path d="m15.5 4.8 2.9-.8 3.6 15.2-2.9.8z" />
  </svg>
);
