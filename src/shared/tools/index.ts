/** External programs (Tesseract, Poppler, LibreOffice): finding them and running them safely. */
export { TOOLS, clearToolCache, hasTool, requireTool, type FoundTool, type ToolEnv, type ToolName } from './tools';
export { runTool, type RunOptions } from './run';
export { docxToPdf, SOFFICE_TIMEOUT_MS } from './soffice';
