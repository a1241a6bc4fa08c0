/**
 * Every text on the waiting-room screen. The screen shows Danish and English side by side at all
 * times: nobody in the waiting room can switch its language.
 */
export const displayText = {
  nowCalling: { da: 'Nu kaldes', en: 'Now calling' },
  goTo: { da: 'Gå til', en: 'Go to' },
  latest: { da: 'Seneste kald', en: 'Latest calls' },
  noCalls: { da: 'Ingen kald endnu', en: 'No calls yet' },
  time: { da: 'Klokken', en: 'Time' },
  reconnecting: { da: 'Genopretter forbindelsen …', en: 'Reconnecting …' },
  clickForSound: { da: 'Klik for lyd', en: 'Click for sound' },
};
