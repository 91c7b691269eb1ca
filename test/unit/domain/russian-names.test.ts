import { describe, expect, it } from 'vitest';
import { declineFullNameDative, sexFromIin } from '../../../src/domain/index.js';

describe('declineFullNameDative', () => {
  it.each([
    ['Иванов Иван Иванович', 'Иванову Ивану Ивановичу'],
    ['Петров Сергей Николаевич', 'Петрову Сергею Николаевичу'],
    ['Пушкин Игорь Ильич', 'Пушкину Игорю Ильичу'],
    ['Достоевский Никита Андреевич', 'Достоевскому Никите Андреевичу'],
    ['Трубецкой Виталий Петрович', 'Трубецкому Виталию Петровичу'],
    ['Королёв Андрей Юрьевич', 'Королёву Андрею Юрьевичу'],
    ['Нурланов Ерлан Серикович', 'Нурланову Ерлану Сериковичу'],
    ['Сидоров Пётр', 'Сидорову Петру'],
    ['Смирнов Павел Петрович', 'Смирнову Павлу Петровичу'],
    ['Толстой Лев Николаевич', 'Толстому Льву Николаевичу'],
    ['Ахметов Ильяс Ерланович', 'Ахметову Ильясу Ерлановичу'],
  ])('declines the man %s', (name, dative) => {
    expect(declineFullNameDative(name, 'male')).toBe(dative);
  });

  it.each([
    ['Иванова Мария Петровна', 'Ивановой Марии Петровне'],
    ['Сәрсенбаева Анна Ильинична', 'Сәрсенбаевой Анне Ильиничне'],
    ['Смирнова Ольга Сергеевна', 'Смирновой Ольге Сергеевне'],
    ['Достоевская Наталья Фёдоровна', 'Достоевской Наталье Фёдоровне'],
    ['Фомина Дина', 'Фоминой Дине'],
    ['Толстая Софья Андреевна', 'Толстой Софье Андреевне'],
  ])('declines the woman %s', (name, dative) => {
    expect(declineFullNameDative(name, 'female')).toBe(dative);
  });

  it.each([
    ['Сәрсенбаев Ерлан Қуанышұлы', 'male', 'Kazakh «-ұлы» patronymic'],
    ['Жұмабаева Сәуле Маратқызы', 'female', 'Kazakh «-қызы» patronymic'],
    ['Жұмабаева Айгерім', 'female', 'female name ending in a consonant'],
    ['Черных Анна Петровна', 'female', 'indeclinable surname in -ых'],
    ['Шевченко Тарас Григорьевич', 'male', 'surname in -ко'],
    ['Ким Сон Хи', 'male', 'Korean name'],
    ['Цой Виктор Робертович', 'male', 'Korean surname in -ой'],
    ['Дюма Александр', 'male', 'surname in -а for a man'],
    ['Шмидт Мария', 'female', 'foreign surname'],
    ['Иванова-Петрова Мария Ивановна', 'female', 'hyphenated surname'],
    ['Иванов', 'male', 'one word'],
    ['Иванов Иван Иванович Младший', 'male', 'four words'],
    ['ИВАНОВ ИВАН ИВАНОВИЧ', 'male', 'capitals'],
    ['Ivanov Ivan', 'male', 'Latin script'],
    ['Иванов Иван Иванович', 'female', 'male name declared female'],
    ['Иванова Мария Петровна', 'male', 'female name declared male'],
    ['Ов Ян', 'male', 'stem too short'],
  ])('refuses %s (%s, %s)', (name, sex) => {
    expect(declineFullNameDative(name, sex as 'male' | 'female')).toBeNull();
  });

  it('keeps the letters it does not change', () => {
    expect(declineFullNameDative('  Ахметов   Данияр  ', 'male')).toBe('Ахметову Данияру');
  });
});

describe('sexFromIin', () => {
  it.each([
    ['841102304561', 'male'],
    ['860512401234', 'female'],
    ['220315507890', 'male'],
    ['210907603216', 'female'],
  ])('reads the 7th digit of %s', (iin, sex) => {
    expect(sexFromIin(iin)).toBe(sex);
  });

  it('tells nothing for a 0 (foreigners before 2013)', () => {
    expect(sexFromIin('840101012345')).toBeNull();
  });
});
