// The part of autocannon's programmatic API the benchmarks use (the package ships no types).
declare module "autocannon" {
	type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: Request) => Request };
	type Options = { url: string; connections?: number; duration?: number; pipelining?: number; requests?: Request[] };
	type Histogram = { average: number; mean: number; p50: number; p99: number; total: number };
	type Result = {
		requests: Histogram;
		latency: Histogram;
		non2xx: number;
		errors: number;
		timeouts: number;
		duration: number;
		statusCodeStats: Record<string, { count: number }>;
	};
	export default function autocannon(options: Options): Promise<Result>;
}
