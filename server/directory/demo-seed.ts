import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { saveDepartment, saveEmployee, saveSubject } from './store.ts';
import { directoryIsEmpty } from './targets.ts';
import { isUniqueViolation } from '../db/errors.ts';

/**
 * With DEMO on and nobody in the directory, adds a few departments and employees (and the
 * delivery rating's recipient) so a new user can click a star at once. Returns whether it did.
 */
export async function seedDemoDirectory(db: Db, clock: Clock): Promise<boolean> {
  if (!(await directoryIsEmpty(db))) return false;
  try {
    await seed(db, clock);
    return true;
  } catch (err) {
    // Instances starting together on an empty database all found it empty: one adds the
    // directory, and another's insert meets its unique names — that start used to fail.
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

async function seed(db: Db, clock: Clock): Promise<void> {
  await saveDepartment(db, clock, { name: 'ДКС', responsibleName: 'Бадыштова К.', responsibleEmail: 'dks@example.ru' });
  await saveDepartment(db, clock, { name: 'ОПР', responsibleName: 'Агибалова А.', responsibleEmail: 'opr@example.ru' });
  await saveDepartment(db, clock, { name: 'ЛК', responsibleName: 'Волохова Д.', responsibleEmail: 'lk@example.ru' });
  await saveEmployee(db, clock, {
    slug: 'ivanov',
    name: 'Иванов Иван',
    position: 'Инженер',
    department: 'ДКС',
    managerName: 'Петров Сергей',
    managerEmail: 'head-dks@example.ru',
  });
  await saveEmployee(db, clock, {
    slug: 'petrova',
    name: 'Петрова Анна',
    position: 'Менеджер по работе с клиентами',
    department: 'ОПР',
    managerName: 'Смирнова Ольга',
    managerEmail: 'head-opr@example.ru',
  });
  await saveEmployee(db, clock, {
    slug: 'sidorov',
    name: 'Сидоров Пётр',
    position: 'Бухгалтер-консультант',
    department: 'ЛК',
    managerName: 'Козлова Мария',
    managerEmail: 'head-lk@example.ru',
  });
  await saveSubject(db, clock, { slug: 'delivery', title: 'Качество доставки', recipients: ['commercial@example.ru'] });
}
