import { useT } from '../i18n';
import { Dialog } from './Dialog';
import { navigation, useNavigation } from './navigation';
import { useShortcutGroups } from './shortcut-registry';
import { appStrings } from './strings';

/** The `?` list of every registered shortcut group. */
export function HelpDialog() {
  const t = useT(appStrings);
  const { helpOpen } = useNavigation();
  const groups = useShortcutGroups();
  return (
    <Dialog
      open={helpOpen}
      onClose={() => navigation.setHelpOpen(false)}
      title={t('shortcutsTitle')}
      closeLabel={t('close')}
      className="help-dialog"
    >
      {groups.map((g) => (
        <section key={g.id} className="shortcut-group">
          <h3>{g.title()}</h3>
          <dl>
            {g.items.map((item) => (
              <div key={item.keys.join('+')} className="shortcut">
                <dt>
                  {item.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && <span className="kbd-plus">+</span>}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{item.label()}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
