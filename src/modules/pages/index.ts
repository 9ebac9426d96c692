export { pagesRoutes } from "./pages.routes.js";
