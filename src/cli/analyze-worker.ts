// A worker thread of `analyze-pool`: analyses the files it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzeOptions } from '../analysis/analyze.ts';
import { analyzeFile } from './analyze-pool.ts';

const opts = (workerData as { hotlinerAnalyze: AnalyzeOptions }).hotlinerAnalyze;
const port = parentPort!;
port.on('message', (file: string) => port.postMessage(analyzeFile(file, opts)));
