"use client";

// Every helper, from a client component; the test calls them through `window.__helpers`.
import { useEffect } from "react";
import { closeChat, giveConsent, login, logout, openChat, sendMessage, withdrawConsent } from "../salesmartly-chat";

declare global {
  interface Window {
    __helpers?: Record<string, (...args: never[]) => void>;
  }
}

export default function Helpers() {
  useEffect(() => {
    window.__helpers = { openChat, closeChat, sendMessage, login, logout, giveConsent, withdrawConsent };
  }, []);
  return (
    <button id="open-chat" onClick={() => openChat()}>
      Chat with us
    </button>
  );
}
