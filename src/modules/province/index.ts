/** Setting up a province: the standard departments, a commune list from a spreadsheet, `initProvince`. */
export { readCommuneSheet, type CommuneRow, type CommuneRowError } from './commune-sheet';
export { provinceRoutes } from './province.routes';
export { provinceInitInput, type ProvinceInitInput, type ProvinceInitResult } from './province.schemas';
export { directoryIsEmpty, initProvince, provinceName, secretariatOf } from './province.service';
export { DEFAULT_SECRETARIAT, STANDARD_DEPARTMENTS } from './standard-departments';
