/**
 * Words printed in official documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): authority lines of
 * the signature block and the blank left for a name. Documents are written in Vietnamese; the
 * English side is for readers of the catalogue.
 */
export const messages = {
  vi: {
    'doc.recipients': 'Nơi nhận:',
    'doc.signer.name_blank': '……………………………',
    'doc.signer.on_behalf_committee': 'TM. ỦY BAN NHÂN DÂN',
    'doc.signer.for': 'KT. {title}',
    'doc.signer.deputy': 'PHÓ {title}',
    'doc.signer.chairman': 'CHỦ TỊCH',
    'doc.signer.director': 'GIÁM ĐỐC',
    'doc.signer.head_of_board': 'TRƯỞNG BAN',
    'doc.signer.chief_of_office': 'CHÁNH VĂN PHÒNG',
    'doc.signer.chief_inspector': 'CHÁNH THANH TRA',
    'doc.signer.head': 'THỦ TRƯỞNG CƠ QUAN',
  },
  en: {
    'doc.recipients': 'Recipients:',
    'doc.signer.name_blank': '……………………………',
    'doc.signer.on_behalf_committee': "ON BEHALF OF THE PEOPLE'S COMMITTEE",
    'doc.signer.for': 'FOR THE {title}',
    'doc.signer.deputy': 'DEPUTY {title}',
    'doc.signer.chairman': 'CHAIRMAN',
    'doc.signer.director': 'DIRECTOR',
    'doc.signer.head_of_board': 'HEAD OF BOARD',
    'doc.signer.chief_of_office': 'CHIEF OF OFFICE',
    'doc.signer.chief_inspector': 'CHIEF INSPECTOR',
    'doc.signer.head': 'HEAD OF AGENCY',
  },
};
