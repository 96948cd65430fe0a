declare global {
  namespace App {
    interface Locals {
      trader: { id: string } | null;
    }
  }
}
export {};
