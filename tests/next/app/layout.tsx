import type { ReactNode } from "react";
import { headers } from "next/headers";
import Link from "next/link";
// Written by the test: ssq-gen snippet --format next -o app/salesmartly-chat.tsx
import SaleSmartlyChat from "./salesmartly-chat";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en">
      <body>
        <nav>
          <Link href="/" id="to-home">Home</Link> <Link href="/about" id="to-about">About</Link>{" "}
          <Link href="/pricing" id="to-pricing">Pricing</Link> <Link href="/checkout" id="to-checkout">Checkout</Link>{" "}
          <Link href="/account" id="to-account">Account</Link>
        </nav>
        {children}
        <SaleSmartlyChat nonce={nonce} />
      </body>
    </html>
  );
}
