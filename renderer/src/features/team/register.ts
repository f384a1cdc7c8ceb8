import { registerScreen } from '../../app/screens';
import { lazyT } from '../../i18n';
import { teamStrings } from './strings';
import { TeamScreen } from './TeamScreen';

registerScreen({ id: 'team', order: 70, label: lazyT(teamStrings)('team'), Component: TeamScreen });
