import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import { MoreHorizontal20Regular } from '@fluentui/react-icons';

export interface SectionTab<T extends string> {
  id: T;
  title: string;
}

const useStyles = makeStyles({
  // The tab list is only as wide as its container; what does not fit goes into the "More" menu.
  bar: { minWidth: 0, maxWidth: '100%', overflow: 'hidden' },
});

function MenuEntry<T extends string>({ tab, onSelect }: { tab: SectionTab<T>; onSelect: (id: T) => void }) {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{tab.title}</MenuItem>;
}

function MoreMenu<T extends string>({ tabs, onSelect }: { tabs: SectionTab<T>[]; onSelect: (id: T) => void }) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="transparent" ref={ref} icon={<MoreHorizontal20Regular />} aria-label={`${overflowCount} more sections`} role="tab" />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <MenuEntry key={tab.id} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * A page's sections as tabs that never run off the screen: on a phone the ones that do not fit
 * move into a "More" menu (Fluent's Overflow), the selected one always stays visible.
 */
export function SectionTabs<T extends string>({ tabs, selected, onSelect, label }: { tabs: SectionTab<T>[]; selected: T; onSelect: (id: T) => void; label: string }) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <TabList className={styles.bar} selectedValue={selected} onTabSelect={(_e, d) => onSelect(d.value as T)} aria-label={label}>
        {tabs.map((tab) => (
          <OverflowItem key={tab.id} id={tab.id} priority={tab.id === selected ? 2 : 1}>
            <Tab value={tab.id}>{tab.title}</Tab>
          </OverflowItem>
        ))}
        <MoreMenu tabs={tabs} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
