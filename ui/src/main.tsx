import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./styles/theme.css";
import "./styles/base.css";
import "./styles/home.css";
import "./styles/setup.css";
import "./styles/run.css";
import "./styles/guide.css";
import "./styles/share.css";
import "./styles/maintain.css";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
