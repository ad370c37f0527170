// Field errors only the console's API gives (the complaint process), in both languages. Kept
// apart from texts-ru/texts-en so the widgets, which carry those, don't carry these.

export const CONSOLE_FIELD_ERRORS = {
  ru: {
    date: 'Укажите существующий день в формате ГГГГ-ММ-ДД, 2000–2099 годов',
    instant: 'Укажите дату и время',
    future: 'Время не может быть в будущем',
    beforeReceipt: 'Дата не может быть раньше получения жалобы',
    beforeMessage: 'Дата не может быть раньше получения обращения',
    beforeStep: 'Дата не может быть раньше предыдущего шага',
    tooOld: 'Дата получения — не раньше чем год назад',
    afterReceipt: 'Ситуация не может быть позже получения жалобы',
    tooFar: 'Дата — не позже чем через год',
    stepOrder: 'Сначала отметьте предыдущий шаг',
    stepNotDone: 'Шаг не отмечен выполненным',
    stepDone: 'Этот шаг уже отмечен',
    laterStepDone: 'Сначала отмените отметку следующего шага',
    stage1Closed: 'Этап 1 закрыт: отметки его шагов уже не отменяются',
    stage1Open: 'Сначала закройте этап 1',
    tasksOpen: 'Не все корректирующие задачи по несоответствиям выполнены',
    afterStage1: 'Этап 1 закрыт раньше: шаг не может быть выполнен после его закрытия',
    surveyEarly: 'Опрос отправляется после внедрения коррекции (шаг 1.4)',
    surveyAnswered: 'Клиент уже ответил на опрос',
    surveyRecent: 'Опрос уже отправлен: отправить ещё раз можно через сутки',
    closed: 'Жалоба уже закрыта',
    noEmail: 'У клиента нет адреса электронной почты',
    processOnly: 'Жалоба закрывается только по процессу: этап 1, классификация, закрытие в карточке',
    closedKind: 'Закрытая жалоба остаётся жалобой: её вид не меняется',
    responsible: 'Выберите активного пользователя, который может вести жалобы этого подразделения',
    notComplaint: 'Это действие только для жалоб',
    lowRating: 'Жалобой становится оценка в 1 или 2 звезды',
    slugTaken: 'Этот код уже занят',
    emailTaken: 'Пользователь с таким e-mail уже есть',
    lastAdmin: 'Это последний активный администратор: сначала сделайте администратором другого пользователя',
    departmentTaken: 'Подразделение с таким названием уже есть',
    wrongPassword: 'Неверный текущий пароль',
    samePassword: 'Новый пароль должен отличаться от текущего',
    shortDay: 'Конец рабочего дня — больше чем через час после начала',
    employeeEmail: 'У сотрудника не указан e-mail: добавьте его в карточке сотрудника',
    employeeInactive: 'Сотрудник отключён: его подпись не работает',
    searchText: 'В поиске нужна хотя бы одна буква или цифра',
    periodOrder: 'Конец периода не может быть раньше его начала',
    unknownField: 'Такого поля нет',
    ownDepartment: 'Ответственный регистрирует жалобы только своего подразделения',
    notCsv:
      'Это не CSV-файл: в Excel сохраните таблицу через «Файл → Сохранить как» в формате «CSV UTF-8 (разделитель — запятая)» или «CSV (разделители — запятые)»',
  },
  en: {
    date: 'Give a real day as YYYY-MM-DD, in 2000–2099',
    instant: 'Give a date and time',
    future: 'The time cannot be in the future',
    beforeReceipt: 'The date cannot be before the complaint was received',
    beforeMessage: 'The date cannot be before the message was received',
    beforeStep: 'The date cannot be before the previous step',
    tooOld: 'The date of receipt can be at most a year ago',
    afterReceipt: 'The situation cannot be later than the complaint was received',
    tooFar: 'The date can be at most a year ahead',
    stepOrder: 'Mark the previous step first',
    stepNotDone: 'The step is not marked done',
    stepDone: 'This step is already marked',
    laterStepDone: 'Undo the next step’s mark first',
    stage1Closed: 'Stage 1 is closed: its steps’ marks can no longer be undone',
    stage1Open: 'Close stage 1 first',
    tasksOpen: 'Not every corrective task of the nonconformities is done',
    afterStage1: 'Stage 1 was closed earlier: a step cannot be done after it',
    surveyEarly: 'The survey is sent once the correction is in place (step 1.4)',
    surveyAnswered: 'The client has answered the survey already',
    surveyRecent: 'The survey was sent already: it can be sent again after a day',
    closed: 'The complaint is already closed',
    noEmail: 'The client gave no e-mail address',
    processOnly: 'A complaint is closed only through its process: stage 1, classification, closing on the card',
    closedKind: 'A closed complaint stays a complaint: its kind cannot change',
    responsible: 'Choose an active user who may handle this department’s complaints',
    notComplaint: 'This is only for complaints',
    lowRating: 'Only a rating of 1 or 2 stars becomes a complaint',
    slugTaken: 'This slug is taken',
    emailTaken: 'A user with this e-mail exists already',
    lastAdmin: 'This is the last active administrator: make another user an administrator first',
    departmentTaken: 'A department with this name exists already',
    wrongPassword: 'The current password is wrong',
    samePassword: 'The new password must differ from the current one',
    shortDay: 'The working day must end more than an hour after it starts',
    employeeEmail: 'The employee has no e-mail address: add it to his record',
    employeeInactive: 'The employee is deactivated: his signature does not work',
    searchText: 'A search needs at least one letter or digit',
    periodOrder: 'The end of the period cannot be before its start',
    unknownField: 'There is no such field',
    ownDepartment: 'A department’s handler registers complaints of his own department only',
    notCsv:
      'This is not a CSV file: in Excel, save the table with «File → Save as» as «CSV UTF-8 (Comma delimited)» or «CSV (Comma delimited)»',
  },
} as const;

export type ConsoleFieldErrorCode = keyof (typeof CONSOLE_FIELD_ERRORS)['ru'];

/**
 * The console's own wording of an answer's message, where the public one speaks of a message being
 * sent: a server error in the console may come of a report or a card, not of a client's message.
 */
export const CONSOLE_API_MESSAGES = {
  ru: {
    internal: 'Ошибка сервера: действие не выполнено. Повторите через минуту; если повторится, сообщите администратору',
  },
  en: {
    internal:
      'A server error: nothing was done. Please try again in a minute, and tell the administrator if it happens again',
  },
} as const;
