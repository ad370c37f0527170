import { useEffect } from 'preact/hooks';
import { Link } from '../../router.tsx';
import { PageTitle } from '../../ui/page.tsx';
import { Departments } from './departments.tsx';
import { Employees } from './employees.tsx';
import { Subjects } from './subjects.tsx';

const TABS = [
  { tab: 'departments', href: '/admin/directory', title: 'Подразделения' },
  { tab: 'employees', href: '/admin/directory/employees', title: 'Сотрудники' },
  { tab: 'subjects', href: '/admin/directory/subjects', title: 'Предметы оценки' },
];

/** «Справочник»: departments, employees (with CSV import and signatures), rating subjects. */
export function DirectoryScreen({ tab }: { tab: string }) {
  const current = TABS.find((t) => t.tab === tab);
  useEffect(() => {
    document.title = `${current?.title ?? 'Справочник'} — Отклик`;
  }, [tab]);
  return (
    <>
      <PageTitle>Справочник</PageTitle>
      <nav class="tabs" aria-label="Разделы справочника">
        {TABS.map((t) => (
          <Link key={t.tab} href={t.href} aria-current={t.tab === tab ? 'page' : undefined}>
            {t.title}
          </Link>
        ))}
      </nav>
      {tab === 'departments' && <Departments />}
      {tab === 'employees' && <Employees />}
      {tab === 'subjects' && <Subjects />}
      {!current && <p>Такого раздела справочника нет.</p>}
    </>
  );
}
