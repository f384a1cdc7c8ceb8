import { registerScreen } from '../../app/screens';
import { lazyT } from '../../i18n';
import { registerPanelTab } from '../reader';
import { TERM_SCREEN } from './open-term';
import { TermScreen } from './TermScreen';
import { xrefStrings } from './strings';
import { XrefPanel } from './XrefPanel';
import './xref.css';

registerPanelTab({ id: 'xref', order: 40, label: lazyT(xrefStrings)('tab'), Component: XrefPanel });
// No label: reached from a term (glossary, marker popover, 关联 tab, 「追踪」 on a selection), not the top bar.
registerScreen({ id: TERM_SCREEN, order: 15, Component: TermScreen });
