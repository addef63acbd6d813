/** Reporting: the indicator catalogue and the hook through which other modules supply figures. */
export { DEFAULT_INDICATORS, registerFigureSource } from './indicators';
